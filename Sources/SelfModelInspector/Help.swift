/// The `selfmodel` usage text.
enum Help {
  static let text = """
    selfmodel: inspect and maintain a SelfModel FileStore folder.

    usage: selfmodel STORE COMMAND [ARGUMENTS] [--json]

    Read-only commands (never take the lock, never write):
      users                      list every user; damaged user folders are reported (exit 1)
      show USER [--at TIME]      each belief: outcome, probability, confidence, 95% interval
      explain USER BELIEF [--at TIME]
                                 the evidence behind a belief, largest contribution first
      verify                     check CATALOGUE and every file's checksums and its binding
                                 to its user;
                                 exit 0 if sound, 1 with the list of damaged files
      export USER                print the user's export document (JSON) on standard output
      catalogue                  the catalogue in force: version, beliefs, sources, retired

    Writing commands (open the store, so they need its lock):
      import FILE [--replace]    import an export document ("-" reads standard input)
      compact USER               write a snapshot and empty the user's journal

    Options:
      --json                     machine-readable output
      --at TIME                  evaluate at TIME (ISO 8601 or Unix seconds); default now

    A running server holds the store's exclusive lock (flock on STORE/LOCK). Read-only
    commands read the files directly without the lock, so they work while the server runs:
    a record being appended is read past like a torn tail, and a user compacted at that
    moment is read again once; run `verify` on a stopped store for a definitive answer.
    Writing commands take the lock and fail with "locked" (exit 1) while the server runs:
    stop it first, or use the server's own API.

    Exit codes: 0 success, 1 failure or damage found, 2 usage error.
    """
}
