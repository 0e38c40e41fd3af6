"""The exit statuses of every subcommand (one set, as ``git`` and ``grep`` use them)."""

EXIT_OK = 0  # done; also "nothing to do" when the command had nothing to do by design
EXIT_FAILED = 1  # ran, but some input failed or nothing matched (search, verify, show)
EXIT_USAGE = 2  # the command line or its inputs were wrong; nothing was done
EXIT_WRITE_FAILED = 74  # sysexits EX_IOERR: the disk is full, read-only or not ours; rerun to resume
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT); a rerun resumes
