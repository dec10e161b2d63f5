// The package ships the specification's examples as JSON, without types.
declare module 'commonmark-spec' {
  const spec: {tests: Array<{markdown: string; section: string; number: number}>}
  export default spec
}
