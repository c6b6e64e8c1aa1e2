! sparc interrupt stubs and handlers, written for iplemu after the shape of
! NetBSD/sparc's interrupt trap entry (sys/arch/sparc/sparc/locore.s).
! The CPU enters Xintr_<name> in a new window with %l1 = PC, %l2 = nPC,
! traps disabled and PIL unchanged (V8 §7.5).  The stub raises PIL to the
! source's level and enables traps in one wr (honouring the write delay),
! runs the handler on a frame below the interrupted stack, restores the
! interrupted PSR and returns with jmp %l1; rett %l2 (V8 B.26).
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.equ	PSR_ET, 0x20

	.macro INTRSTUB name, bit, level, spl, vector
	.text
	.weak	Xintr_\name
Xintr_\name:
	rd	%psr, %l0		! the interrupted PSR (icc, PIL; ET=0 now)
	sub	%fp, 96, %sp		! a frame below the interrupted one
	andn	%l0, PSR_PIL, %l3
	or	%l3, (\level << 8), %l3
	wr	%l3, PSR_ET, %psr	! PIL := level, ET := 1 (XOR of a 0 bit)
	nop
	nop
	nop
	call	handler_\name
	 nop
	wr	%l0, 0, %psr		! interrupted PIL and icc back, ET=0
	nop
	nop
	nop
	jmp	%l1
	 rett	%l2
	.endm

! A handler reads count_<name> and adds one in scratch registers, as a
! C handler may clobber them, but stores nothing: a state after it returns
! can then equal the state before it was taken (explored once).  The engine
! sees each run at its entry address; the race scenario's own handlers
! count in count_<name>.
! It uses only %o registers.
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
	 nop
	.endm

	IPLEMU_SOURCES INTRSTUB
	IPLEMU_SOURCES HANDLER
