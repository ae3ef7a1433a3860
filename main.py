"""Banmian 版面 entry point: no arguments opens the editor; subcommands run headless (no Qt)."""
from __future__ import annotations

import os
import sys

HEADLESS = {"stories", "compose", "export", "preflight", "convert"}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in HEADLESS:
        import gc

        # One short process: what the command imports (~33 000 objects: classes, functions,
        # dataclass methods) lives until it exits. Imported with the collector off and then frozen
        # (gc.freeze), those objects are not walked again by every collection of the run.
        gc.disable()
        from layout.cli import preload, run

        preload(args[0])
        gc.freeze()
        gc.enable()
        return run(args, one_shot=True)
    if args and args[0] in ("-h", "--help"):
        from layout.cli import run

        return run(["--help"])
    if args and not os.path.exists(args[0]):
        print(f"banmian: '{args[0]}' is neither a command nor a file — commands: "
              f"{', '.join(sorted(HEADLESS))}; or give a document to open", file=sys.stderr)
        return 1
    from ui.app import run_editor  # Qt is imported only here

    return run_editor(args[0] if args else None)


if __name__ == "__main__":
    sys.exit(main())
