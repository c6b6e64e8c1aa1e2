/* A broken user Xdoreti (test data): it restores cpl and returns from the
   interrupt but forgets the replay, so a source that arrived while the
   handler ran, blocked then and unblocked by the cpl restored, stays
   pending (found at --depth 2). */
	.include "port.inc"
	.text
	.globl	Xdoreti
Xdoreti:
	movl	%eax, cpl		/* forgot: replay ipending & ~cpl */
	popal
	iret
