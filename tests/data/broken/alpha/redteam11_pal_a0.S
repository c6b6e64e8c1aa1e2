# After a PAL call a0 is undefined (NetBSD alpha_cpu.h 1.43 alpha_pal_swpipl:
# "clobbers t0, t8..t11, a0"); the backend gives it the run's poison.  An
# spl0 that calls swpipl(0) twice and leaves a0 for the second call holds
# only if the PALcode happened to leave 0 in a0<2:0> (a fixed clobber
# pattern with those bits clear did).  The _ok twin sets a0 again.
	.include "port.inc"
	.set	noreorder
	.text
	.globl	spl0_swpipl_twice
	.align	3
spl0_swpipl_twice:
	mov	$31, $16
	call_pal 0x35			# swpipl(0): v0 = the old IPL
	mov	$0, $3			# t2 keeps it (not a PAL temporary)
	call_pal 0x35			# WRONG: a0 as the first call left it
	mov	$3, $0
	ret	$31, ($26), 1

	.globl	spl0_swpipl_twice_ok
	.align	3
spl0_swpipl_twice_ok:
	mov	$31, $16
	call_pal 0x35
	mov	$0, $3
	mov	$31, $16		# a0 = 0 again
	call_pal 0x35
	mov	$3, $0
	ret	$31, ($26), 1
