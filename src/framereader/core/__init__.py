"""Pure-Python analysis core. Never imports Qt.

Two packages can bring in urllib3 (whose import probes IPv6 with a socket): spaCy, through
`core.nlp`, and trafilatura, through `core.documents.web`. Both call
`offline.import_without_sockets()` first; nothing else here pays for importing urllib3, so the
window can show before it is imported on the analysis thread.
"""
