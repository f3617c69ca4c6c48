#!/usr/bin/env python3
"""The coefficients of erfcx_near_zero() in src/dorado/quant/options/error_function.hpp.

The degree-14 polynomial p of least maximum relative error |p/erfcx - 1| on
[0, 0.5], found by Remez's exchange algorithm in 50-digit arithmetic (mpmath,
Debian's python3-mpmath). Prints the maximum relative error of each iteration
and the coefficients, lowest degree first, to 18 significant digits (enough to
round to the nearest double). Run: python3 tests/quant/options/erfcx_near_zero_fit.py
"""
import mpmath as mp

mp.mp.dps = 50
DEGREE = 14
LO, HI = mp.mpf(0), mp.mpf("0.5")
GRID = 4000


def erfcx(y):
    return mp.exp(y * y) * mp.erfc(y)


def relative_error(coefficients, y):
    return mp.polyval(coefficients[::-1], y) / erfcx(y) - 1


def main():
    # Start from the Chebyshev extrema; each iteration solves
    # p(x_i) - f(x_i) = (-1)^i E f(x_i) on DEGREE + 2 points, then moves the
    # points to the extrema of the new error curve.
    n = DEGREE
    points = [(LO + HI) / 2 - (HI - LO) / 2 * mp.cos(mp.pi * k / (n + 1)) for k in range(n + 2)]
    coefficients = None
    for iteration in range(8):
        system = mp.matrix(n + 2, n + 2)
        rhs = mp.matrix(n + 2, 1)
        for i, x in enumerate(points):
            for j in range(n + 1):
                system[i, j] = x**j
            system[i, n + 1] = -((-1) ** i) * erfcx(x)
            rhs[i] = erfcx(x)
        solution = mp.lu_solve(system, rhs)
        coefficients = [solution[j] for j in range(n + 1)]
        grid = [LO + (HI - LO) * i / GRID for i in range(GRID + 1)]
        errors = [relative_error(coefficients, y) for y in grid]
        extrema = [0] + [i for i in range(1, GRID)
                         if (errors[i] - errors[i - 1]) * (errors[i + 1] - errors[i]) <= 0] + [GRID]
        if len(extrema) == n + 2:
            points = [grid[i] for i in extrema]
        print("iteration %d: max relative error %s" % (iteration, mp.nstr(max(abs(e) for e in errors), 3)))
    for c in coefficients:
        print("%.17e" % float(c))


if __name__ == "__main__":
    main()
