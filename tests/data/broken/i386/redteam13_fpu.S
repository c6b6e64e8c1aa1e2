	.include "port.inc"
	.text
/* correct (by contract): saves the whole x87 state with fnsave, uses the
   FPU, restores with frstor */
	.globl	splraise_fnsave
splraise_fnsave:
	subl	$108, %esp
	fnsave	(%esp)
	fld1
	fstp	%st(0)
	movl	112(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	frstor	(%esp)
	addl	$108, %esp
	ret

/* correct (by contract) on a CPU with FXSAVE: fxsave/fxrstor (512-byte,
   16-aligned area); BROKEN on the 80386 (#UD), amd64's redteam13_fx.S holds */
	.globl	splraise_fxsave
splraise_fxsave:
	pushl	%ebp
	movl	%esp, %ebp
	subl	$528, %esp
	andl	$-16, %esp
	fxsave	(%esp)
	pxor	%xmm0, %xmm0
	fninit
	movl	8(%ebp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	fxrstor	(%esp)
	movl	%ebp, %esp
	popl	%ebp
	ret

/* correct: stores the control word, ignores it */
	.globl	splraise_fnstcw
splraise_fnstcw:
	subl	$4, %esp
	fnstcw	(%esp)
	addl	$4, %esp
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	ret

/* broken: fnsave (which re-initializes the FPU) but never frstor */
	.globl	splraise_fnsave_nores
splraise_fnsave_nores:
	subl	$108, %esp
	fnsave	(%esp)
	movl	112(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	addl	$108, %esp
	ret

/* broken: fxsave/fxrstor but frees the area first (below esp at restore) */
	.globl	splraise_fx_below
splraise_fx_below:
	pushl	%ebp
	movl	%esp, %ebp
	subl	$528, %esp
	andl	$-16, %esp
	fxsave	(%esp)
	pxor	%xmm3, %xmm3
	movl	%ebp, %esp
	movl	8(%ebp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	leal	-528(%ebp), %ecx
	andl	$-16, %ecx
	fxrstor	(%ecx)
	popl	%ebp
	ret

/* broken: emms (sets tag word all empty) */
	.globl	splraise_emms
splraise_emms:
	emms
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	ret
/* broken: fnclex clears FPU exception flags in fpsw */
	.globl	splraise_fnclex
splraise_fnclex:
	fnclex
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	ret
/* broken: ldmxcsr of a constant */
	.globl	splraise_ldmxcsr
splraise_ldmxcsr:
	pushl	$0x1f80
	ldmxcsr	(%esp)
	addl	$4, %esp
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	ret
/* broken: finit (no wait) resets all */
	.globl	splraise_fninit
splraise_fninit:
	fninit
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	ret
/* broken: writes CR2 */
	.globl	splraise_wcr2
splraise_wcr2:
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	movl	%edx, %cr2
	ret
/* broken: writes dr3 and restores? no: writes dr1 */
	.globl	splraise_wdr1
splraise_wdr1:
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	xorl	%ecx, %ecx
	movl	%ecx, %dr1
	ret
/* broken: leaves %fs loaded with the data selector */
	.globl	splraise_fs
splraise_fs:
	movl	$0x10, %ecx
	movw	%cx, %fs
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	ret
