| m68k faults (test data)
	.text
	.globl bad, peek
bad:
	illegal
peek:
	move.l	0x50000000,%d0
	rts
