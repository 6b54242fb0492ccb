	import a.b.C
"""raw"""
