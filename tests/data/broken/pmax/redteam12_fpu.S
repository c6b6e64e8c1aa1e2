	.include "port.inc"
	.equ	INT_MASK, 0xff00
	.equ	INT_IE, 0x0001
	.set	noreorder
	.text

/* BROKEN (no_fault): beql is MIPS II; the R3000 (MIPS I) takes a reserved
   instruction exception (IDT R30xx manual, instruction set: no branch-likely) */
	.globl	splraise_beql
	.ent	splraise_beql
splraise_beql:
	mfc0	$v0, $12
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	.set	push
	.set	mips2
	beql	$a0, $zero, 1f
	nop
	.set	pop
	and	$t0, $v0, $a0
	mtc0	$t0, $12
1:	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	splraise_beql

/* BROKEN (no_fault): bgezl (REGIMM, MIPS II) */
	.globl	splraise_bgezl
	.ent	splraise_bgezl
splraise_bgezl:
	mfc0	$v0, $12
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	.set	push
	.set	mips2
	bgezl	$a0, 1f
	nop
	.set	pop
	and	$t0, $v0, $a0
	mtc0	$t0, $12
1:	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	splraise_bgezl

/* BROKEN (no_fault): sync is MIPS II */
	.globl	splraise_sync
	.ent	splraise_sync
splraise_sync:
	mfc0	$v0, $12
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	and	$t0, $v0, $a0
	mtc0	$t0, $12
	.set	push
	.set	mips2
	sync
	.set	pop
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	splraise_sync

/* BROKEN (preserves): o32 makes $f20-$f30 callee-saved (System V ABI MIPS
   supplement ch. 3, Registers); the routine parks the old Status in $f20
   (FPU usable: CU1 = 1 in cpu.reset) and never restores it */
	.globl	splraise_f20
	.ent	splraise_f20
splraise_f20:
	mfc0	$v0, $12
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	mtc1	$v0, $f20
	and	$t0, $v0, $a0
	mtc0	$t0, $12
	mfc1	$v0, $f20
	nop
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	splraise_f20

/* BROKEN (preserves): the same with $f4, caller-saved in o32 but, in
   NetBSD's kernel, fpcurproc's: the kernel does not own the R3010 (abi.foreign) */
	.globl	splraise_f4
	.ent	splraise_f4
splraise_f4:
	mfc0	$v0, $12
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	mtc1	$v0, $f4
	and	$t0, $v0, $a0
	mtc0	$t0, $12
	mfc1	$v0, $f4
	nop
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	splraise_f4

/* CORRECT: the Status write in the return's delay slot, the result computed
   before */
	.globl	splraise_slotwrite_ok
	.ent	splraise_slotwrite_ok
splraise_slotwrite_ok:
	mfc0	$t1, $12
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	and	$t0, $t1, $a0
	andi	$v0, $t1, INT_MASK | INT_IE
	jr	$ra
	mtc0	$t0, $12
	.end	splraise_slotwrite_ok

/* CORRECT: bal to find a literal, ra kept in t9, mask from memory */
	.globl	splraise_bal_ok
	.ent	splraise_bal_ok
splraise_bal_ok:
	move	$t9, $ra
	bal	1f
	nop
	.word	~INT_MASK
1:	lw	$t2, 0($ra)
	mfc0	$v0, $12
	andi	$a0, $a0, INT_MASK
	or	$t2, $t2, $a0		/* ~INT_MASK | blocked */
	nor	$t2, $t2, $zero		/* IM bits to keep cleared... */
	nor	$t2, $t2, $zero		/* (double nor: back) */
	nor	$a0, $a0, $zero
	and	$t0, $v0, $a0
	mtc0	$t0, $12
	jr	$t9
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	splraise_bal_ok

/* BROKEN (no_fault): ll is MIPS II */
	.globl	splraise_ll
	.ent	splraise_ll
splraise_ll:
	.set	push
	.set	mips2
	ll	$t3, 0($sp)
	.set	pop
	mfc0	$v0, $12
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	and	$t0, $v0, $a0
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	splraise_ll

/* BROKEN (defined_only): takes IM bits to keep from $f2, a user process's
   FPU register (the kernel does not own the R3010: abi.foreign) */
	.globl	splraise_reads_f2
	.ent	splraise_reads_f2
splraise_reads_f2:
	mfc0	$v0, $12
	mfc1	$t1, $f2
	andi	$a0, $a0, INT_MASK
	or	$a0, $a0, $t1
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	and	$t0, $v0, $a0
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	splraise_reads_f2
