! BROKEN (red team 17's sc3, filed as a false fail, FF1): splhigh loads its
! argument with `mov.l 2f, r4' in the slot of `jmp @r0'.  The assembler
! counts the displacement from the slot's own address + 4, but in a delay
! slot the PC is the branch destination + 2 (SH-3/SH-3E/SH3-DSP Software
! Manual, MOV @(disp,PC) and MOVA, Note on a delay slot): the load reads a
! word of _cpu_intr_resume's code, not SPL_HIGH, and splhigh sets the
! wrong level (exact).  redteam17_pcrel_slot.S counts from the destination.
	.include "port.inc"
	.text
	.globl	splhigh
	.align	2
splhigh:
	mov.l	1f, r0
	jmp	@r0
	mov.l	2f, r4			! (delay slot) s = 0xf0, PC-relative
	.align	2
1:	.long	_cpu_intr_resume
2:	.long	SPL_HIGH
