"""The report of a session, in Markdown and as one self-contained HTML file.

Each stage is one section built by its own module in `sections/`, from the
models, into a small neutral document (`blocks.py`); `markdown.py` and
`html.py` turn that document into text. No textual in here.
"""
