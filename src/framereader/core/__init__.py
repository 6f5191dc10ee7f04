"""Pure-Python analysis core. Never imports Qt."""

from .nlp.offline import import_without_sockets

import_without_sockets()  # before anything imports spaCy (see core/offline.py)
