"""One module per stage (`<stage id>.py`), each exposing `SCREEN`.

A stage without a module here is shown by the placeholder screen.
"""
