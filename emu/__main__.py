"""``python -m iplemu`` (``python -m emu`` in a source checkout): the
``iplemu`` program."""

import sys

from .entry import main

sys.exit(main())
