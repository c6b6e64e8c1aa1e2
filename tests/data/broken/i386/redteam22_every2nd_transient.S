/*
 * red team 22 a: i386_every8th_transient.S with the counter field 1 bit
 * wide: every 2nd call writes cpl = 0 for one instruction before the new
 * cpl (branchless: every call runs the same instructions and returns the
 * same).  The usual start makes a 1st call; the warm start (one round of
 * s = routine(to); splx(s)) makes a 2nd, but warm starts are judged with
 * no interrupt (and a request pending at the call, taken at boundary 0)
 * only, and the repeats chain does not make the state a start (its call
 * behaves as from the loaded state).  Holds at depth 1; depth 2 fails it
 * (through the clock handler's re-entered call).
 */
	.include "port.inc"
	.data
rt_calls:	.byte	0
	.text
	.globl	rt_splraise_t8
rt_splraise_t8:
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movb	rt_calls, %cl
	incb	%cl
	andb	$1, %cl
	movb	%cl, rt_calls
	cmpb	$1, %cl
	sbbl	%ecx, %ecx
	notl	%ecx
	andl	%eax, %ecx
	movl	%ecx, cpl
	movl	%edx, cpl
	ret
