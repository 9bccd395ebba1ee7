"""The benchmark's four figures drawn by matplotlib (Agg PNG and SVG), 800x500,
as close to figgen's as matplotlib's defaults allow. Run in the output folder:
    python3 figures.py
"""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

sigma = lambda z: 1 / (1 + np.exp(-z))


def axes(title, xlabel, ylabel):
    fig, ax = plt.subplots(figsize=(8, 5), dpi=100)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax


def save(fig, name):
    for fmt in ("png", "svg"):
        fig.savefig(f"{name}.{fmt}")
    plt.close(fig)


z = np.linspace(-4, 4, 1001)
fig, ax = axes("Unit step function", "$z$", "$u(z)$")
ax.plot(z, np.where(z >= 0, 1, 0), lw=2, color="#0072b2")
ax.set_ylim(-0.1, 1.1)
ax.set_yticks([0, 1])
save(fig, "step")

z = np.linspace(-8, 8, 1001)
fig, ax = axes("Sigmoid function", "$z$", r"$\sigma(z)$")
ax.plot(z, sigma(z), lw=2, color="#0072b2")
ax.plot([0], [0.5], "o", color="#0072b2")
ax.text(-7, 0.9, r"$\sigma(z)=\frac{1}{1+e^{-z}}$", fontsize=14)
ax.grid(axis="y", ls=":")
save(fig, "sigmoid")

fig, ax = axes("Shifting the sigmoid by the bias $b$", "$z$", r"$\sigma(z+b)$")
for b, c in ((2, "#009e73"), (0, "#d55e00"), (-2, "#0072b2")):
    ax.plot(z, sigma(z + b), lw=2, color=c, label=f"$b = {b}$")
ax.legend(loc="lower right")
ax.grid(axis="y", ls=":")
save(fig, "bias-shift")

fig, ax = axes(r"Boundary $w_1x_1 + w_2x_2 = \theta$", "$x_1$", "$x_2$")
x = np.linspace(-0.25, 1.25, 2)
ax.fill_between(x, 1.5 - x, 1.25, where=None, color="#f4cccc", label=r"$x_1 + x_2 \geq 1.5$")
ax.plot(x, 1.5 - x, lw=2, color="#d62728")
ax.plot([1], [1], "o", ms=10, color="#d62728", label="fires ($y = 1$)")
ax.plot([0, 0, 1], [0, 1, 0], "o", ms=10, mfc="none", mew=2, color="#1f77b4", label="does not fire ($y = 0$)")
ax.set_xlim(-0.25, 1.25)
ax.set_ylim(-0.25, 1.25)
ax.set_xticks([0, 1])
ax.set_yticks([0, 1])
ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5), frameon=False)
fig.tight_layout()
save(fig, "threshold-plane")
