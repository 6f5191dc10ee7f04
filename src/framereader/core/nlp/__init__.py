"""Everything that touches spaCy: pipelines, analysis, descriptors, agency, the engine."""

from ..platform.offline import import_without_sockets

import_without_sockets()  # before anything here imports spaCy (see core/offline.py)
