﻿package a.b;
﻿import static java.lang.Math.*;
import c.d.E;
"""text
block"""
