! The counting handler of the SPARC ports' intr.S (sparc and sparc64
! include it): a leaf that counts its runs in count_<name> and uses only
! %o registers; ld/st are V8 instructions and V9's lduw/stw.
	.macro HANDLER name, bit, level, spl, vector
	.data
	.globl	count_\name
	.align	4
count_\name:
	.word	0
	.text
	.weak	handler_\name		! a scenario file may supply its own
handler_\name:
	sethi	%hi(count_\name), %o1
	ld	[%o1 + %lo(count_\name)], %o2
	add	%o2, 1, %o2
	retl
	 st	%o2, [%o1 + %lo(count_\name)]
	.endm
