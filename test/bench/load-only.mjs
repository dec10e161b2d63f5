// Node start-up plus loading the plugin and its parser: the CLI's floor for a tiny log.
import 'remark-session-log'
