"""The years every date and time of a session lies in.

A typo such as 9999 is refused where it is typed (forms.py) or imported (the
models), and no date computation (a month after the last deadline, a
timeline's last period) runs off the calendar.
"""

from __future__ import annotations

FIRST_YEAR = 1900
LAST_YEAR = 2199
