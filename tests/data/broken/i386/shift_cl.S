/* Shifts and rotates by CL: what they leave undefined depends on the
   count CL holds (SDM vol. 2 SAL/SAR/SHL/SHR, SHLD/SHRD, RCL/RCR/ROL/ROR
   "Flags Affected"): a masked count of 0 affects no flag, OF is defined
   for a count of 1 only, and a 16-bit SHLD/SHRD by more than 16 leaves
   its destination undefined too.  Each routine is spllower, reading a
   flag (or the destination) after the shift on its replay path. */
	.include "port.inc"
	.text

	.macro	HEAD
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	andl	ipending, %edx		/* OF and CF clear */
	.endm
	.macro	TAIL
	pushl	%eax
	call	Xspllower
	popl	%eax
9:	ret
	.endm

/* OK: a count of 0 leaves OF as the AND left it (held: OF was taken for
   undefined at every CL count) */
	.globl	spllower_shl_cl0_jo_ok
spllower_shl_cl0_jo_ok:
	HEAD
	jz	9f
	movl	$0, %ecx
	shll	%cl, %edx
	jo	9f
	TAIL

/* OK: the same by a count of 32, masked to 0 */
	.globl	spllower_rol_cl32_jo_ok
spllower_rol_cl32_jo_ok:
	HEAD
	jz	9f
	movl	$32, %ecx
	roll	%cl, %edx
	jo	9f
	TAIL

/* BROKEN (defined_only): a count of 2 leaves OF undefined */
	.globl	spllower_shl_cl2_jo
spllower_shl_cl2_jo:
	HEAD
	jz	9f
	movl	$2, %ecx
	shll	%cl, %edx
	jo	9f			/* WRONG */
	TAIL

/* BROKEN (defined_only): a 16-bit SHLD by 17 leaves its destination
   undefined: here the low half of the old cpl it returns (held
   defined_only: only the flags were undefined, the emulator's value was
   the same in both worlds) */
	.globl	spllower_shldw17_ax
spllower_shldw17_ax:
	HEAD
	jz	9f
	movl	$17, %ecx
	shldw	%cl, %dx, %ax		/* WRONG */
	TAIL
