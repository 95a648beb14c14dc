// Small enhancements only; every page works without JavaScript except where
// a comment says otherwise.
document.addEventListener('DOMContentLoaded', () => {
  // The promote form posts to the chosen member's URL.
  const promote = document.getElementById('promote');
  const select = document.getElementById('promote-member');
  if (promote && select) {
    const update = () => {
      promote.action = select.dataset.actionPrefix + select.value;
    };
    select.addEventListener('change', update);
    update();
  }
});
