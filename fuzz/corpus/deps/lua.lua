--[==[ long
]==]
if a then end
