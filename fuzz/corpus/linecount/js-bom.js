﻿import a from './a';
﻿export * from "b";
const c = require('c'); import('d'); /re[/]/g; `t${x}`
