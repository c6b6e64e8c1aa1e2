/* pmax (MIPS I) routines and stubs that break one clause of the spl
   contract each (issue 9); the property each must fail is named beside
   it.  Routines take an spl value (a Status image of the lines let
   through), as `check --routine' calls them. */
	.include "port.inc"

	.equ	INT_MASK, 0xff00
	.equ	INT_IE, 0x0001

	.set	noreorder
	.text
/* returns_previous: returns the new Status image instead of the old one. */
	.globl	splraise_returns_new
	.ent	splraise_returns_new
splraise_returns_new:
	mfc0	$v0, $12
	ori	$a0, $a0, ~INT_MASK & 0xffff	/* keep the low bits */
	and	$t0, $v0, $a0
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $t0, INT_MASK | INT_IE	/* the new IM | IE */
	.end	splraise_returns_new

/* preserves: keeps the old Status in s0, which belongs to the caller. */
	.globl	splraise_clobbers_s0
	.ent	splraise_clobbers_s0
splraise_clobbers_s0:
	mfc0	$s0, $12
	ori	$a0, $a0, ~INT_MASK & 0xffff
	and	$t0, $s0, $a0
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $s0, INT_MASK | INT_IE
	.end	splraise_clobbers_s0

/* preserves (abi.state): _splset that clears IEc with IM, whatever s says. */
	.globl	splx_clears_ie
	.ent	splx_clears_ie
splx_clears_ie:
	mfc0	$v0, $12
	li	$t0, ~(INT_MASK | INT_IE)
	and	$t0, $v0, $t0
	andi	$a0, $a0, INT_MASK		/* WRONG: drops s's IE */
	or	$t0, $t0, $a0
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	splx_clears_ie

/* no_fault: takes its argument for a pointer to the level (splx(&s)). */
	.globl	splx_derefs
	.ent	splx_derefs
splx_derefs:
	lw	$a0, 0($a0)
	b	_splset
	nop
	.end	splx_derefs

/* handler_priority: a clock stub that turns IEc on without masking the
   clock's IPL in IM. */
	.globl	Xintr_clock_lowers
	.ent	Xintr_clock_lowers
Xintr_clock_lowers:
	addiu	$sp, $sp, -32
	sw	$ra, 16($sp)
	sw	$t0, 20($sp)
	sw	$t1, 24($sp)
	mfc0	$t0, $14
	nop				/* MIPS I load delay slot */
	sw	$t0, 28($sp)
	mfc0	$t0, $12
	nop				/* MIPS I load delay slot */
	ori	$t0, $t0, INT_IE		/* WRONG: IM not masked */
	mtc0	$t0, $12
	jal	handler_clock
	nop
	mfc0	$t0, $12
	li	$t1, ~INT_IE
	and	$t0, $t0, $t1
	mtc0	$t0, $12
	lw	$k0, 28($sp)
	lw	$ra, 16($sp)
	lw	$t0, 20($sp)
	lw	$t1, 24($sp)
	addiu	$sp, $sp, 32
	jr	$k0
	rfe
	.end	Xintr_clock_lowers

/* handler_priority: a clock stub that masks its own line (IM5) only, not
   every line its IPL blocks (splclock, MIPS_SPL_0_1_2_3): the lower lines
   and the soft interrupts come in while the clock's handler runs.  (The
   stub above unmasks its own line too: its device still asserts it, a
   storm, no_fault.) */
	.globl	Xintr_clock_masks_own
	.ent	Xintr_clock_masks_own
Xintr_clock_masks_own:
	addiu	$sp, $sp, -32
	sw	$ra, 16($sp)
	sw	$t0, 20($sp)
	sw	$t1, 24($sp)
	mfc0	$t0, $14
	nop				/* MIPS I load delay slot */
	sw	$t0, 28($sp)
	mfc0	$t0, $12
	li	$t1, ~0x2000			/* WRONG: IM5 only */
	and	$t0, $t0, $t1
	ori	$t0, $t0, INT_IE
	mtc0	$t0, $12
	jal	handler_clock
	nop
	mfc0	$t0, $12
	li	$t1, ~INT_IE
	and	$t0, $t0, $t1
	mtc0	$t0, $12
	lw	$k0, 28($sp)
	lw	$ra, 16($sp)
	lw	$t0, 20($sp)
	lw	$t1, 24($sp)
	addiu	$sp, $sp, 32
	jr	$k0
	rfe
	.end	Xintr_clock_masks_own

/* served_once: a clock stub that returns at once when it interrupted a
   raised IM, as if it had run: the request (Cause IP5) is gone. */
	.globl	Xintr_clock_drops
	.ent	Xintr_clock_drops
Xintr_clock_drops:
	mfc0	$k0, $12
	nop				/* MIPS I load delay slot */
	andi	$k0, $k0, 0x0100		/* IM0 clear: a raised level, "later" */
	beq	$k0, $zero, 1f
	nop
	addiu	$sp, $sp, -24
	sw	$ra, 16($sp)
	sw	$t0, 20($sp)
	jal	handler_clock
	nop
	lw	$ra, 16($sp)
	lw	$t0, 20($sp)
	addiu	$sp, $sp, 24
1:	mfc0	$k0, $14
	nop				/* MIPS I load delay slot */
	jr	$k0
	rfe
	.end	Xintr_clock_drops

/* defined_only: disables the lines in a0 and in t2, which the caller
   never set (t2 is scratch: undefined at the call). */
	.globl	splraise_stale_t2
	.ent	splraise_stale_t2
splraise_stale_t2:
	mfc0	$v0, $12
	andi	$t2, $t2, 0x0100		/* WRONG: t2 was never set */
	or	$a0, $a0, $t2
	ori	$a0, $a0, ~INT_MASK & 0xffff
	nor	$a0, $a0, $zero
	ori	$a0, $a0, ~INT_MASK & 0xffff
	and	$t0, $v0, $a0
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	splraise_stale_t2

/* interrupt_transparent: a clock stub that keeps only ra and EPC: the
   handler's t0/t1 reach the interrupted code. */
	.globl	Xintr_clock_clobbers
	.ent	Xintr_clock_clobbers
Xintr_clock_clobbers:
	addiu	$sp, $sp, -32
	sw	$ra, 16($sp)
	mfc0	$k1, $14
	nop				/* MIPS I load delay slot */
	sw	$k1, 20($sp)
	mfc0	$t0, $12			/* WRONG: t0/t1 not saved */
	nop				/* MIPS I load delay slot */
	sw	$t0, 24($sp)
	li	$t1, ~INT_MASK | (SRC_CLOCK_SPL & INT_MASK)
	and	$t0, $t0, $t1
	ori	$t0, $t0, INT_IE
	mtc0	$t0, $12
	jal	handler_clock
	nop
	lw	$t0, 24($sp)
	nop				/* MIPS I load delay slot */
	mtc0	$t0, $12
	lw	$k0, 20($sp)
	lw	$ra, 16($sp)
	addiu	$sp, $sp, 32
	jr	$k0
	rfe
	.end	Xintr_clock_clobbers

/* returns_previous: keeps the old Status in k1, which every exception
   overwrites (k0/k1 belong to the kernel's exception code). */
	.globl	splraise_keeps_k1
	.ent	splraise_keeps_k1
splraise_keeps_k1:
	mfc0	$k1, $12			/* WRONG: k1 is the exception code's */
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	and	$t0, $k1, $a0
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $k1, INT_MASK | INT_IE
	.end	splraise_keeps_k1

/* defined_only: also disables the lines in k0, which holds whatever the
   last exception left there. */
	.globl	splraise_reads_k0
	.ent	splraise_reads_k0
splraise_reads_k0:
	mfc0	$v0, $12
	andi	$t1, $k0, 0x0100		/* WRONG: k0 is undefined here */
	or	$a0, $a0, $t1
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	and	$t0, $v0, $a0
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	splraise_reads_k0

/* Added by the red-team pass: each fails the property named. */

/* preserves: turns IE off while it computes; the "nothing to mask" early
   return forgets to turn it back on. */
	.globl	splraise_ie_early
	.ent	splraise_ie_early
splraise_ie_early:
	mfc0	$v0, $12
	li	$t1, ~INT_IE
	and	$t1, $v0, $t1
	mtc0	$t1, $12			/* IE off */
	ori	$a0, $a0, ~INT_MASK & 0xffff
	nor	$t2, $a0, $zero			/* lines s disables */
	and	$t2, $t2, $v0			/* ... that are enabled now */
	andi	$t2, $t2, INT_MASK
	beq	$t2, $zero, 1f			/* WRONG: returns with IE off */
	andi	$v0, $v0, INT_MASK | INT_IE
	lui	$t3, 0xffff
	or	$a0, $a0, $t3
	and	$t1, $t1, $a0
	ori	$t1, $t1, INT_IE
	mtc0	$t1, $12
1:	jr	$ra
	nop
	.end	splraise_ie_early

/* preserves: saves ra at 20(sp) with no frame of its own: 0..15(sp) is
   the argument area the callee may use, 20(sp) is the caller's. */
	.globl	splset_no_frame
	.ent	splset_no_frame
splset_no_frame:
	sw	$ra, 20($sp)			/* WRONG */
	mfc0	$v0, $12
	li	$t0, ~(INT_MASK | INT_IE)
	and	$t0, $v0, $t0
	andi	$a0, $a0, INT_MASK | INT_IE
	or	$t0, $t0, $a0
	mtc0	$t0, $12
	lw	$ra, 20($sp)
	nop				/* MIPS I load delay slot */
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	splset_no_frame

/* no_window: sets every IM bit first, then the requested ones: for an
   instruction every line is let in. */
	.globl	splset_open_first
	.ent	splset_open_first
splset_open_first:
	mfc0	$v0, $12
	nop				/* MIPS I load delay slot */
	ori	$t0, $v0, INT_MASK | INT_IE	/* WRONG */
	mtc0	$t0, $12
	li	$t1, ~(INT_MASK | INT_IE)
	and	$t0, $t0, $t1
	andi	$a0, $a0, INT_MASK | INT_IE
	or	$t0, $t0, $a0
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	splset_open_first

/* exact: a raise that writes the requested lines (an assignment, not the
   intersection): from a higher level it lowers. */
	.globl	splraise_assigns
	.ent	splraise_assigns
splraise_assigns:
	mfc0	$v0, $12
	li	$t0, ~INT_MASK
	and	$t0, $v0, $t0
	andi	$a0, $a0, INT_MASK		/* WRONG: and with the old IM */
	or	$t0, $t0, $a0
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	splraise_assigns

/* Correct: _splset writing IM in two halves; every intermediate lets in
   only lines the old or the new value lets in. */
	.globl	splset_halves
	.ent	splset_halves
splset_halves:
	mfc0	$v0, $12
	li	$t0, ~0x0f00
	and	$t0, $v0, $t0
	andi	$t1, $a0, 0x0f00
	or	$t0, $t0, $t1
	mtc0	$t0, $12			/* lines 0-3 first */
	li	$t1, ~0xf001
	and	$t0, $t0, $t1
	andi	$t1, $a0, 0xf001
	or	$t0, $t0, $t1
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	splset_halves

/* Correct: keeps its argument in its home slot 0(sp), in the argument
   area the caller reserves (o32). */
	.globl	splraise_home_ok
	.ent	splraise_home_ok
splraise_home_ok:
	sw	$a0, 0($sp)
	mfc0	$v0, $12
	lw	$t1, 0($sp)
	nop				/* MIPS I load delay slot */
	ori	$t1, $t1, ~INT_MASK & 0xffff
	lui	$t2, 0xffff
	or	$t1, $t1, $t2
	and	$t0, $v0, $t1
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	splraise_home_ok

/* returns_previous: returns the old IM without IEc: the value handed to
   _splset(s) later turns interrupts off (IPL_NONE's spl value is 0xff01,
   not 0xff00).  (Red-team pass 3.) */
	.globl	splraise_drops_ie
	.ent	splraise_drops_ie
splraise_drops_ie:
	mfc0	$v0, $12
	ori	$a0, $a0, ~INT_MASK & 0xffff
	lui	$t1, 0xffff
	or	$a0, $a0, $t1
	and	$t0, $v0, $a0
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK
	.end	splraise_drops_ie

/* no_fault: splraise_home_ok without its nop: the or reads $t1 in the
   load delay slot of the lw (IDT R30xx manual: the instruction right
   after a load may not use its target; the R3000 does not interlock and
   gives it the old value, here the caller's garbage). */
	.globl	splraise_load_delay
	.ent	splraise_load_delay
splraise_load_delay:
	sw	$a0, 0($sp)
	mfc0	$v0, $12
	lw	$t1, 0($sp)
	ori	$t1, $t1, ~INT_MASK & 0xffff	/* WRONG: load delay slot */
	lui	$t2, 0xffff
	or	$t1, $t1, $t2
	and	$t0, $v0, $t1
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	splraise_load_delay

/* no_lost: spl0 that clears Cause: a soft interrupt requested (Cause
   IP0/IP1) while masked is cancelled before IM lets it in (IDT R30xx
   manual, Cause register: IP1..0 are the writable software requests). */
	.globl	spl0_clears_cause
	.ent	spl0_clears_cause
spl0_clears_cause:
	mfc0	$v0, $12
	mtc0	$zero, $13			/* WRONG: cancels a pending soft request */
	ori	$t0, $v0, INT_MASK | INT_IE
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	spl0_clears_cause

/* not modelled (an isolated cache; it held before red team 5, then failed
   preserves): _splset that also sets Status.IsC (bit 16, Isolate Cache:
   IDT R30xx manual, Status register), a bit unicorn's MIPS32 Status drops
   on an mtc0 (the backend keeps the guest's Status itself). */
	.globl	splset_sets_isc
	.ent	splset_sets_isc
splset_sets_isc:
	mfc0	$v0, $12
	li	$t0, ~(INT_MASK | INT_IE)
	and	$t0, $v0, $t0
	andi	$a0, $a0, INT_MASK | INT_IE
	or	$t0, $t0, $a0
	lui	$t1, 0x0001			/* WRONG: IsC */
	or	$t0, $t0, $t1
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	splset_sets_isc

/* preserves (abi.state Status 5:0): _splset that also sets KUo (bit 5),
   which unicorn's Status drops too (the mtc0 in the jr's delay slot). */
	.globl	splset_sets_kuo
	.ent	splset_sets_kuo
splset_sets_kuo:
	mfc0	$v0, $12
	li	$t0, ~(INT_MASK | INT_IE)
	and	$t0, $v0, $t0
	andi	$a0, $a0, INT_MASK | INT_IE
	or	$t0, $t0, $a0
	ori	$t0, $t0, 0x20			/* WRONG: KUo */
	andi	$v0, $v0, INT_MASK | INT_IE
	jr	$ra
	mtc0	$t0, $12			/* in the slot */
	.end	splset_sets_kuo

/* exact: _splset merging with the wrong mask, 0x00ff for 0xff00: it
   clears IEp (Status bit 2, MIPS32's ERL in unicorn) too, which ran into
   a TLB miss before the backend kept the guest's Status (red team 5). */
	.globl	splset_lowbyte
	.ent	splset_lowbyte
splset_lowbyte:
	mfc0	$v0, $12
	li	$t0, ~(0x00ff)			/* WRONG */
	and	$t0, $v0, $t0
	andi	$a0, $a0, 0x00ff
	or	$t0, $t0, $a0
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	splset_lowbyte

/* CORRECT (R3000): disables everything with mtc0 $zero (Status = 0 is
   kernel mode, IEc = 0), then writes the merged value back with the
   KU/IE stack and the rest as they were (red team 5: failed no_fault,
   a TLB miss, while unicorn read Status bit 2 as ERL). */
	.globl	splraise_zero_first_ok
	.ent	splraise_zero_first_ok
splraise_zero_first_ok:
	mfc0	$v0, $12
	mtc0	$zero, $12
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	and	$t0, $v0, $a0
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	splraise_zero_first_ok

/* CORRECT (R3000): the same with Status cleared in a delay slot and read
   in one (a branch always taken). */
	.globl	splraise_zero_slot_ok
	.ent	splraise_zero_slot_ok
splraise_zero_slot_ok:
	beq	$zero, $zero, 1f
	mfc0	$v0, $12
1:	bne	$a0, $a0, 2f			/* never taken */
	mtc0	$zero, $12
2:	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	and	$t0, $v0, $a0
	andi	$v0, $v0, INT_MASK | INT_IE
	jr	$ra
	mtc0	$t0, $12
	.end	splraise_zero_slot_ok

/* preserves (abi.state Status 31:16): andi zero-extends its immediate,
   so ANDing Status with ~INT_MASK & 0xffff clears CU1, which the kernel
   runs with (archs/pmax.yaml cpu.reset; red team 5: held while Status
   31:16 started at 0). */
	.globl	spllower_andi
	.ent	spllower_andi
spllower_andi:
	mfc0	$v0, $12
	nop
	andi	$t0, $v0, 0x00ff		/* WRONG: clears 31:16 too */
	nor	$a0, $a0, $zero
	andi	$a0, $a0, INT_MASK
	or	$t0, $t0, $a0
	ori	$t0, $t0, INT_IE
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	spllower_andi

/* no_fault: MIPS II's sync before the Status write: the R3000 takes it as
   a reserved instruction (unicorn's MIPS32 ran it). */
	.globl	splraise_sync
	.ent	splraise_sync
splraise_sync:
	mfc0	$v0, $12
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	and	$t0, $v0, $a0
	.set	push
	.set	mips2
	sync					/* WRONG: not MIPS I */
	.set	pop
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	splraise_sync

/* no_fault: MIPS IV's movn in the jr's delay slot (not MIPS I either). */
	.globl	splraise_movn_slot
	.ent	splraise_movn_slot
splraise_movn_slot:
	mfc0	$v0, $12
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	and	$t0, $v0, $a0
	mtc0	$t0, $12
	andi	$v0, $v0, INT_MASK | INT_IE
	.set	push
	.set	mips4
	jr	$ra
	movn	$t1, $t0, $t0			/* WRONG: not MIPS I */
	.set	pop
	.end	splraise_movn_slot
