! spl0 in two steps, the second computed from a fresh `rd %psr` issued
! right after the first WRPSR: "step down one more level from where we
! are" (PIL - 1).  The model's rd %psr returns the PIL just written (1),
! so the second write gives 0.
! BUG (SPARC V8 B.29: an instruction among the three after a WRPSR that
! reads a field the WRPSR changed gets an unpredictable value): the rd may
! still see the old PIL (n); the routine then ends at n - 1, not 0.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.text
	.globl	spl0_fresh
spl0_fresh:
	rd	%psr, %o1
	and	%o1, PSR_PIL, %o2		! old field, returned
	andn	%o1, PSR_PIL, %o1
	wr	%o1, 0x100, %psr		! PIL 1
	rd	%psr, %o3			! BUG: in the write's delay
	sub	%o3, 0x100, %o3			! one level further down
	wr	%o3, 0, %psr
	nop
	nop
	nop
	retl
	 mov	%o2, %o0
