! CORRECT: splhigh loads its argument with a PC-relative mov.l in a delay
! slot.  There the PC the load counts from is the branch destination + 2,
! not the slot's own address + 4 (SH-3/SH-3E/SH3-DSP Software Manual, MOV
! @(disp,PC) and MOVA, Note on a delay slot).  The assembler encodes a
! PC-relative operand from the instruction's own address, so the slot's
! displacement is written out here, counted from the destination 1f (on a
! 4-byte boundary): ((1f + 2) & ~3) + 2 * 4 = 1f + 8 = 2f.  Red team 17's
! sc3 (redteam17_pcrel_slot_own.S), which counted from its own address,
! loads a word of _cpu_intr_resume's code instead.
	.include "port.inc"
	.text
	.globl	splhigh
	.align	2
splhigh:
	bra	1f
	.word	0xd402			! (slot) mov.l @(2 * 4, PC), r4: PC = 1f + 2; r4 = 2f
	.align	2
	nop				! 8 bytes between the slot and the destination: the
	nop				! slot's own address + 4 + 8 is 1f, code, not data
	nop
	nop
1:	mov.l	3f, r0			! 1f: on a 4-byte boundary
	jmp	@r0
	nop
	nop
2:	.long	SPL_HIGH		! 1f + 8
3:	.long	_cpu_intr_resume

! spl0 the same way: IMASK := 0, which unblocks (no_lost has cases).
	.globl	spl0
	.align	2
spl0:
	bra	4f
	.word	0xd402			! (slot) mov.l @(2 * 4, PC), r4: PC = 4f + 2; r4 = 5f
	.align	2
	nop				! 8 bytes between the slot and the destination: the
	nop				! slot's own address + 4 + 8 is 4f, code, not data
	nop
	nop
4:	mov.l	6f, r0			! 4f: on a 4-byte boundary
	jmp	@r0
	nop
	nop
5:	.long	SPL_NONE		! 4f + 8
6:	.long	_cpu_intr_resume
