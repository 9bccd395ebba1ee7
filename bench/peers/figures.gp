# The benchmark's four figures drawn by gnuplot (pngcairo and svg), 800x500,
# as close to figgen's as gnuplot's defaults allow: titles, axis labels,
# the same ranges, curves, legend and markers. Run in the output folder:
#   gnuplot figures.gp
sigma(z) = 1 / (1 + exp(-z))
u(z) = z >= 0 ? 1 : 0
set samples 1001
set border 3
set tics nomirror out
set key bottom right box
set title font ",14"
set xlabel font ",14"; set ylabel font ",14"
$fire << EOD
1 1
EOD
$nofire << EOD
0 0
0 1
1 0
EOD

do for [fmt in "png svg"] {
  if (fmt eq "png") {
    set terminal pngcairo size 800,500 font "DejaVu Sans,12" linewidth 1.5
  } else {
    set terminal svg size 800,500 font "DejaVu Sans,12" linewidth 1.5
  }

  set output "step.".fmt
  set title "Unit step function u(z)"
  set xlabel "z"; set ylabel "u(z)"
  set xrange [-3:3]; set yrange [-0.15:1.2]
  set ytics (0, 1); set mxtics 2
  unset key
  set arrow 1 from 0,0 to 0,1 nohead dt 3 lc rgb "#999999"
  set arrow 2 from -3,1 to 0,1 nohead dt 2 lc rgb "#dddddd"
  plot [-3:3] (x < 0 ? 0 : 1/0) with lines lw 2 lc rgb "#0072b2" notitle, \
       (x >= 0 ? 1 : 1/0) with lines lw 2 lc rgb "#0072b2" notitle, \
       $fire using (0):(1) with points pt 7 ps 1.2 lc rgb "#0072b2" notitle, \
       $fire using (0):(0) with points pt 6 ps 1.2 lw 2 lc rgb "#0072b2" notitle
  unset arrow 1; unset arrow 2
  set ytics autofreq

  set output "sigmoid.".fmt
  set title "Sigmoid function"
  set xlabel "z"; set ylabel "σ(z)"
  set xrange [-6:6]; set yrange [-0.1:1.1]
  set ytics (0, 0.5, 1)
  set label 1 "σ(z) = 1 / (1 + e^{-z})" at -5.5, 0.93 font ",14"
  set arrow 1 from 0,-0.1 to 0,0.5 nohead dt 3 lc rgb "#999999"
  set arrow 2 from -6,0.5 to 0,0.5 nohead dt 3 lc rgb "#999999"
  set grid ytics dt 2 lc rgb "#dddddd"
  plot sigma(x) with lines lw 2 lc rgb "#0072b2" notitle, \
       "+" using (0):(0.5) every ::0::0 with points pt 7 ps 1.2 lc rgb "#0072b2" notitle
  unset label 1; unset arrow 1; unset arrow 2
  unset grid

  set output "bias-shift.".fmt
  set title "Shifting the sigmoid by the bias b"
  set xlabel "z"; set ylabel "σ(z + b)"
  set xrange [-8:8]; set mxtics 4
  set key bottom right box
  set grid ytics dt 2 lc rgb "#dddddd"
  plot sigma(x + 2) with lines lw 2 lc rgb "#009e73" title "b = 2", \
       sigma(x) with lines lw 2 lc rgb "#d55e00" title "b = 0", \
       sigma(x - 2) with lines lw 2 lc rgb "#0072b2" title "b = -2"
  unset grid; set mxtics default

  set output "threshold-plane.".fmt
  set title "Boundary w_1x_1 + w_2x_2 = θ"
  set xlabel "x_1"; set ylabel "x_2"
  set xrange [-0.25:1.25]; set yrange [-0.25:1.25]
  set xtics (0, 1); set ytics (0, 1)
  set key outside right center nobox
  plot '+' using 1:(1.5 - $1 < 1.25 ? 1.5 - $1 : 1.25):(1.25) with filledcurves lc rgb "#f4cccc" title "x_1 + x_2 ≥ 1.5", \
       1.5 - x with lines lw 2 lc rgb "#d62728" notitle, \
       $fire with points pt 7 ps 2 lc rgb "#d62728" title "fires (y = 1)", \
       $nofire with points pt 6 ps 2 lw 2 lc rgb "#1f77b4" title "does not fire (y = 0)"
  set xtics autofreq; set ytics autofreq
  set key bottom right box
}
