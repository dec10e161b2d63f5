export {changeDelay, fixAllKind, newEntryKind, startServer} from './server.js'
