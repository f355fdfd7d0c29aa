"""Extraction: one article in, an :class:`~kg.model.Extraction` out (mentions, persons with posts,
bodies, places, events).

Public entry points:

- :func:`kg.extract.pipeline.extract_article` (``article, settings -> Extraction``): the components
  in their declared order (see :mod:`kg.extract.pipeline`);
- :func:`kg.extract.run.extract_paths`: pages in, resolved extractions out (``kg extract``);
- :func:`kg.extract.serialize.extraction_to_dict`: the JSON shape ``kg extract`` prints.

Modules, one job each: ``lexicon`` (the word lists of ``ontology/lexicon/``, compiled once),
``mentions`` (the document state and name scanning), ``places``, ``bodies``, ``titles`` (title chains),
``officials`` (names bound to posts, other person rules), ``coref`` (later mentions of a name);
``dates``, ``roles`` and ``events`` detect events.
"""
