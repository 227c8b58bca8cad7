// The store inspector: `selfmodel STORE COMMAND [ARGUMENTS] [--json]`. See `Help.text`.
import Foundation

exit(Inspector.run(Array(CommandLine.arguments.dropFirst())))
