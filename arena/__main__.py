"""`python -m arena …`: the services from the command line."""

from arena.cli import main

raise SystemExit(main())
