/*
 * pmax (MIPS I) spl routines, written for iplemu after NetBSD's mips
 * _splraise/_spllower/_splset (declared in pmax intr.h 1.23.6.2; bodies
 * as NetBSD sys/arch/mips/mips/locore.S 1.163 defines what each changes).
 *
 * The priority is CP0 Status IM7..0 (bits 15:8), a set bit enabling Cause
 * line n; IEc (bit 0) enables interrupts at all.  _splraise(mask) and
 * _spllower(mask) take the IM bits to disable; every routine returns the
 * old Status & (IM | IEc), the value _splset takes back.  Nothing is
 * pended in software: a masked line stays pending in Cause, and the CPU
 * takes it once IM lets it in.
 * o32: arguments a0-a3, result v0, t0-t9 scratch; `.set noreorder':
 * every delay slot is written out.
 */
	.include "port.inc"

	.equ	INT_MASK, 0xff00		/* MIPS_INT_MASK */
	.equ	INT_IE, 0x0001			/* MIPS_SR_INT_IE */

	.set	noreorder
	.text
/* int _splraise(int mask): IM &= ~mask; return old IM | IE. */
	.weak	_splraise
	.ent	_splraise
_splraise:
	mfc0	$v0, $12
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero			/* the bits to keep */
	and	$t0, $v0, $a0
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	_splraise

/* int _spllower(int mask): IM := ~mask (every other line), the rest of
   Status (IEc too) as it was; return old IM | IE.  NetBSD's locore.S
   1.163 _spllower leaves IEc alone: a call with interrupts off keeps
   them off. */
	.weak	_spllower
	.ent	_spllower
_spllower:
	mfc0	$v0, $12
	li	$t0, ~INT_MASK
	and	$t0, $v0, $t0			/* Status without IM */
	nor	$a0, $a0, $zero
	andi	$a0, $a0, INT_MASK		/* the lines to enable */
	or	$t0, $t0, $a0
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	_spllower

/* int _splset(int s): IM | IE := s; return old IM | IE. */
	.weak	_splset
	.ent	_splset
_splset:
	mfc0	$v0, $12
	li	$t0, ~(INT_MASK | INT_IE)
	and	$t0, $v0, $t0
	andi	$a0, $a0, INT_MASK | INT_IE
	or	$t0, $t0, $a0
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	_splset

/* int spl0(void): every line enabled (pmax intr.h 1.23.6.2: spl0() is
   _spllower(0)); returns old IM | IE. */
	.weak	spl0
	.ent	spl0
spl0:
	j	_spllower
	move	$a0, $zero
	.end	spl0

/* int splhigh(void): every line masked (pmax intr.h 1.23.6.2: splhigh()
   is _splraise(MIPS_INT_MASK); IPL_HIGH masks every line, so raising to
   it and setting it are the same); returns old IM | IE. */
	.weak	splhigh
	.ent	splhigh
splhigh:
	j	_splraise
	li	$a0, INT_MASK
	.end	splhigh
