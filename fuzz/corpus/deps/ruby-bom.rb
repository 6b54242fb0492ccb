﻿require "a"
﻿require_relative "../b"
=begin
doc
=end
