"""Voices: who is quoted in a text, how the text introduces them, and whose words the loaded
words are. `marks` scans quotation marks, `direct` keeps the quotations that are voices and
flags the framing inside them, `verbs` knows the verbs of saying, `said`/`assemble` turn what
the parse found (`core.nlp.speech`) into speakers, `voices` updates an analysis, `summary`
lines up the voices of two texts. Pure Python: only `core.nlp` parses."""
