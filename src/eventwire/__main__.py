"""``python -m eventwire``: the same command line as the ``eventwire`` script."""

from .cli import main

main(prog_name="eventwire")
