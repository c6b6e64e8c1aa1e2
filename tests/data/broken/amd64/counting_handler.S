/* amd64: a softclock handler that counts in the kernel's count_softclock,
   as a real handler writes kernel data; replayed by the port's Xspllower
   outside any interrupt, its writes are its own, not the routine's
   (tests/test_contract.py). */
	.include "port.inc"
	.text
	.globl	handler_softclock
handler_softclock:
	incl	count_softclock(%rip)
	ret
