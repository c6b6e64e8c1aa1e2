/* BROKEN (no_fault): spl0 that means to clear a flag word but takes the
   return address for its pointer (the word it loads from the stack is
   the caller's, not an argument: spl0 has none), so it writes zero over
   the caller's instruction at the return address; then it sets cpl as
   spl0 should and returns there.  Nothing after the return compares the
   caller's code: the machine keeps it read-only, as kernel text. */
	.include "port.inc"
	.text
	.globl	rt_spl0_clear
rt_spl0_clear:
	movl	(%esp), %ecx		/* WRONG: meant 4(%esp), a pointer argument */
	movl	$0, (%ecx)
	pushl	$SPL_NONE
	call	spllower
	addl	$4, %esp
	ret
