! BROKEN (expected: preserves).  As sp64_v8_frame96.S with the 64-byte
! frame hand-written V8 leaf code takes (16 words of 4 bytes: V8's
! register save area): on V9 the routine's 128-byte save area covers the
! caller's whole %l0-%l7 slot range; a spill of both windows during an
! interrupt (this one after the caller's) overwrites the caller's saved
! %l0-%l7 with this window's %i0-%i7 (= the caller's %o0-%o7), and the
! routine's `restore' fills them back into the caller's locals.
	.include "port.inc"
	.text
	.globl	rt_raise_v8frame
rt_raise_v8frame:
	save	%sp, -64, %sp		! BUG: a V8 save area, not V9's 176-byte frame
	rdpr	%pil, %l0
	and	%i0, 15, %l1
	cmp	%l1, %l0
	bleu,pn	%xcc, 1f
	 nop
	wrpr	%l1, 0, %pil
1:	ret
	 restore %l0, 0, %o0
