# After a PAL call a0 is undefined (NetBSD alpha_cpu.h 1.43 alpha_pal_swpipl:
# "clobbers t0, t8..t11, a0"); the backend gives it the run's poison.  An
# splsoft (IPL 1; written as spl0 before the soft interrupts of
# archs/alpha.yaml became ssir bits, which only a dispatch at IPL 0 runs)
# that calls swpipl(1) twice and leaves a0 for the second call holds only
# if the PALcode happened to leave 1 in a0<2:0>.  The _ok twin sets a0
# again.
	.include "port.inc"
	.set	noreorder
	.text
	.globl	splsoft_swpipl_twice
	.align	3
splsoft_swpipl_twice:
	lda	$16, SPL_SOFTCLOCK($31)
	call_pal 0x35			# swpipl(1): v0 = the old IPL
	mov	$0, $3			# t2 keeps it (not a PAL temporary)
	call_pal 0x35			# WRONG: a0 as the first call left it
	mov	$3, $0
	ret	$31, ($26), 1

	.globl	splsoft_swpipl_twice_ok
	.align	3
splsoft_swpipl_twice_ok:
	lda	$16, SPL_SOFTCLOCK($31)
	call_pal 0x35
	mov	$0, $3
	lda	$16, SPL_SOFTCLOCK($31)	# a0 = 1 again
	call_pal 0x35
	mov	$3, $0
	ret	$31, ($26), 1
