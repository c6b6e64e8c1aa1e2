/* red team 7: instructions whose SDM "Flags Affected" leaves flags
   undefined but that x86_flags_undefined does not count. */
	.include "port.inc"
	.text

	.macro	HEAD
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	andl	ipending, %edx
	.endm
	.macro	TAIL
	pushl	%eax
	call	Xspllower
	popl	%eax
9:	ret
	.endm

/* BROKEN (defined_only): SHR r/m8 by 8: "CF ... is undefined for SHL and
   SHR instructions where the count is greater than or equal to the size
   (in bits) of the destination operand" (SDM vol. 2 SAL/SAR/SHL/SHR,
   Flags Affected).  unicorn: CF=1 (bit 7 shifted out last). */
	.globl	spllower_shrb8_cf
spllower_shrb8_cf:
	HEAD
	jz	9f
	movb	$0x80, %cl
	shrb	$8, %cl
	jnc	9f			/* WRONG: CF undefined */
	TAIL

/* BROKEN (defined_only): SHL r/m16 by 16, same rule */
	.globl	spllower_shlw16_cf
spllower_shlw16_cf:
	HEAD
	jz	9f
	movw	$1, %cx
	shlw	$16, %cx
	jnc	9f			/* WRONG: CF undefined */
	TAIL

/* BROKEN (defined_only): TZCNT "The OF, SF, PF and AF flags are undefined"
   (on an 80386, F3 0F BC is BSF: CF undefined too) */
	.globl	spllower_tzcnt_pf
spllower_tzcnt_pf:
	HEAD
	jz	9f
	tzcntl	%edx, %ecx
	jnp	9f			/* WRONG: PF undefined (unicorn: PF clear->.. see probe) */
	TAIL

	.globl	spllower_tzcnt_pf2
spllower_tzcnt_pf2:
	HEAD
	jz	9f
	tzcntl	%edx, %ecx
	jp	9f			/* WRONG: PF undefined */
	TAIL

/* BROKEN (defined_only): SHLD r/m16 with count 17 > 16: "If the count is
   greater than the operand size, the result is undefined" and the flags
   "If the count is greater than the operand size, the flags are
   undefined" (SDM vol. 2 SHLD) */
	.globl	spllower_shld17_zf
spllower_shld17_zf:
	HEAD
	jz	9f
	pushl	%esi
	movw	$0xffff, %cx
	movw	$0x8001, %si
	shldw	$17, %cx, %si
	popl	%esi			/* POP: flags kept */
	jz	9f			/* WRONG: ZF undefined */
	TAIL
	.globl	spllower_shld17_nz
spllower_shld17_nz:
	HEAD
	jz	9f
	pushl	%esi
	movw	$0xffff, %cx
	movw	$0x8001, %si
	shldw	$17, %cx, %si
	popl	%esi			/* POP: flags kept */
	jnz	9f			/* WRONG: ZF undefined */
	TAIL
