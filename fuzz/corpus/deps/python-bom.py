﻿import os
﻿from . import a, b
from ..x.y import (z,
 w)
try:
    import json
except ImportError:
    pass
"""doc"""
