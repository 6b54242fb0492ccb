﻿using System.IO;
﻿namespace A.B { @"verb""atim"; }
