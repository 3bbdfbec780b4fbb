"""Phần mềm thư ký Khối thi đua: `main.py [TỆP]` opens the window; `main.py CÂU_LỆNH ...` runs a
command (demo, info, ranking...) without a window. See README.md and docs/cli.md."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to the command line or the desktop window."""
    args = list(sys.argv[1:] if argv is None else argv)
    from ui.cli import is_command, run

    if is_command(args):
        return run(args)
    from ui.app import run_app  # Qt is imported only when a window is wanted

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
