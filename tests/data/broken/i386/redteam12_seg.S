	.include "port.inc"
	.text
/* broken: leaves %es null (the caller's next stos/movs, which write
   through %es, #GP: SDM vol. 3A §3.4.2, §5.4.1 null selector) */
	.globl	splraise_null_es
splraise_null_es:
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	xorl	%ecx, %ecx
	movw	%cx, %es
	ret
/* broken: leaves %ds null: the caller's next data access faults */
	.globl	splraise_null_ds
splraise_null_ds:
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	xorl	%ecx, %ecx
	movw	%cx, %ds
	ret
/* correct twin: uses %es for a stosl into its own stack slot and puts it back */
	.globl	splraise_es_ok
splraise_es_ok:
	pushl	%edi
	pushl	%es
	pushl	%ss
	popl	%es
	subl	$4, %esp
	movl	12+4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	movl	%esp, %edi
	stosl
	movl	(%esp), %eax
	addl	$4, %esp
	popl	%es
	popl	%edi
	ret
