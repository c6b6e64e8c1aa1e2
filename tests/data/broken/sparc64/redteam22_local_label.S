! A user's own sparc64 splraise, written from scratch under the port's
! name with no .globl (a local label): it never raises (bug).
	.include "port.inc"
	.text
splraise:
	rdpr	%pil, %o1
	retl
	 mov	%o1, %o0		! BUG: returns the old PIL, never raises
