# c
=pod
x
=cut
print 1 if $a;
