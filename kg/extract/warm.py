"""Importing this module loads everything the extractor loads lazily: its lexicons, jieba's dictionary and the
NER model, by extracting one short article.

The build's process pool preloads it in its fork server (``set_forkserver_preload``), so every pool worker
forks with all of it already in memory instead of loading it again (about 2 s a worker).
"""

from __future__ import annotations

from kg.extract.pipeline import extract_article
from kg.model import Article
from kg.settings import Settings

SAMPLE = "惠济区委副书记、区长丁文霞带队到花园口镇调研。"

extract_article(Article(id="warm-0-00000000", file="warm.txt", position=0, headline=SAMPLE, text=SAMPLE), Settings())
